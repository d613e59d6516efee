package dev.drillbit.packs;

import dev.drillbit.bank.BankLoader;
import dev.drillbit.progress.ForgetsMembers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' suggested questions and their review: a suggestion is checked exactly as a question in a pack is
 * (the bank's validator), a member may have at most {@code maxOpenPerMember} waiting, and an admin approves
 * one (its question joins the server's pack for its step through {@link ServerPacks}, so pack limits hold)
 * or rejects it with a reason. Everything is stored before anyone is told.
 *
 * <p>Thread-safe: decisions are serialized, so two admins cannot both decide one suggestion.
 */
public final class Suggestions implements ForgetsMembers {
    private static final Logger LOG = LoggerFactory.getLogger(Suggestions.class);
    /** The longest reason a rejection keeps. */
    public static final int REASON_MAX = 500;

    private final ServerPacks packs;
    private final SuggestionStore store;
    private final int maxOpenPerMember;
    private final Clock clock;
    private final BankLoader loader = new BankLoader();

    public Suggestions(ServerPacks packs, SuggestionStore store, int maxOpenPerMember, Clock clock) {
        if (maxOpenPerMember < 1) {
            throw new IllegalArgumentException("a member must be allowed at least one open suggestion");
        }
        this.packs = Objects.requireNonNull(packs, "packs");
        this.store = Objects.requireNonNull(store, "store");
        this.maxOpenPerMember = maxOpenPerMember;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public int maxOpenPerMember() {
        return maxOpenPerMember;
    }

    /** What became of a suggestion; every outcome is rendered where it is shown. Immutable. */
    public sealed interface Suggested {
        /** Stored and waiting for review. */
        record Queued(Suggestion suggestion, OptionalLong reviewChannel) implements Suggested {}

        /** Not a valid question; nothing was stored. */
        record Refused(List<String> problems) implements Suggested {
            public Refused {
                problems = List.copyOf(problems);
            }
        }

        /** The member already has {@code max} suggestions waiting. */
        record AtCap(int max) implements Suggested {}
    }

    /** What became of an approval or a rejection. Immutable. */
    public sealed interface Decided {
        record Approved(Suggestion suggestion, ImportOutcome.Imported imported) implements Decided {}

        record Rejected(Suggestion suggestion) implements Decided {}

        /** There is no such suggestion in this server, or it was decided already (then it is given). */
        record NotOpen(Optional<Suggestion> suggestion) implements Decided {}

        /** The question (as edited) is not valid; nothing changed. */
        record Invalid(List<String> problems) implements Decided {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }

        /** The server's pack would not take it (too many questions, too large); nothing changed. */
        record PackRefused(ImportOutcome outcome) implements Decided {}
    }

    /** Checks the question and, when all is well and the member is under the cap, stores it for review. */
    public synchronized Suggested suggest(long guildId, long authorId, SuggestedQuestion question) {
        long waiting = store.open(guildId).stream()
                .filter(s -> s.authorId() == authorId)
                .count();
        if (waiting >= maxOpenPerMember) {
            return new Suggested.AtCap(maxOpenPerMember);
        }
        Checked checked = check(question, SuggestedQuestion.DRAFT_ID);
        if (!checked.problems().isEmpty()) {
            return new Suggested.Refused(checked.problems());
        }
        Suggestion stored =
                store.add(Suggestion.draft(guildId, authorId, question.step(), checked.json(), clock.instant()));
        LOG.info(
                "question suggested guild={} author={} suggestion={} step={}",
                guildId,
                authorId,
                stored.id(),
                stored.step());
        return new Suggested.Queued(stored, store.reviewChannel(guildId));
    }

    private record Checked(String json, List<String> problems) {}

    private Checked check(SuggestedQuestion question, String id) {
        SuggestedQuestion.Pack pack = question.toPack(id);
        List<String> problems = new ArrayList<>(pack.problems());
        BankLoader.Upload upload =
                loader.checkUpload("suggestion.json", pack.json().getBytes(StandardCharsets.UTF_8));
        boolean answerExplained = pack.problems().stream().anyMatch(p -> p.startsWith("answer:"));
        problems.addAll(SuggestedQuestion.describe(id, upload.problems(), answerExplained));
        return new Checked(pack.json(), problems);
    }

    /** The server's open suggestions, oldest first. */
    public List<Suggestion> open(long guildId) {
        return store.open(guildId);
    }

    public Optional<Suggestion> find(long guildId, long id) {
        return store.find(guildId, id);
    }

    /**
     * Approves the suggestion: its question (as {@code edited} says, when an admin changed it) joins the
     * server's pack for its step, with the admin as that pack's importer, and the suggestion keeps its
     * author as the question's.
     */
    public synchronized Decided approve(
            long guildId, long suggestionId, long adminId, Optional<SuggestedQuestion> edited) {
        Optional<Suggestion> found = store.find(guildId, suggestionId);
        if (found.isEmpty() || found.get().status() != Suggestion.Status.OPEN) {
            return new Decided.NotOpen(found);
        }
        Suggestion suggestion = found.get();
        String json;
        String step;
        if (edited.isPresent()) {
            Checked checked = check(edited.get(), suggestion.questionId());
            if (!checked.problems().isEmpty()) {
                return new Decided.Invalid(checked.problems());
            }
            json = checked.json();
            step = edited.get().step();
        } else {
            json = SuggestedQuestion.withId(suggestion.json(), suggestion.questionId());
            step = suggestion.step();
        }
        ImportOutcome outcome = packs.addQuestions(guildId, adminId, step, json);
        if (!(outcome instanceof ImportOutcome.Imported imported)) {
            return new Decided.PackRefused(outcome);
        }
        Suggestion approved = suggestion.approved(step, json, clock.instant());
        store.update(approved);
        LOG.info("suggestion approved guild={} suggestion={} step={} by={}", guildId, suggestionId, step, adminId);
        return new Decided.Approved(approved, imported);
    }

    /** Rejects the suggestion with {@code reason} (cut to {@value #REASON_MAX} characters). */
    public synchronized Decided reject(long guildId, long suggestionId, long adminId, String reason) {
        Optional<Suggestion> found = store.find(guildId, suggestionId);
        if (found.isEmpty() || found.get().status() != Suggestion.Status.OPEN) {
            return new Decided.NotOpen(found);
        }
        String why = reason == null ? "" : reason.strip();
        Suggestion rejected =
                found.get().rejected(why.length() > REASON_MAX ? why.substring(0, REASON_MAX) : why, clock.instant());
        store.update(rejected);
        LOG.info("suggestion rejected guild={} suggestion={} by={}", guildId, suggestionId, adminId);
        return new Decided.Rejected(rejected);
    }

    public OptionalLong reviewChannel(long guildId) {
        return store.reviewChannel(guildId);
    }

    public void setReviewChannel(long guildId, long channelId) {
        store.setReviewChannel(guildId, channelId);
    }

    @Override
    public synchronized void forget(long guildId, long userId) {
        store.forget(guildId, userId);
    }

    @Override
    public synchronized void forgetEverywhere(long userId) {
        store.forgetEverywhere(userId);
    }
}
