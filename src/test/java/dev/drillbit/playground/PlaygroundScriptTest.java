package dev.drillbit.playground;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.drillbit.app.PlaygroundStarter;
import dev.drillbit.config.Config;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.LogCapture;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripted playground sessions, as {@code java -jar drillbit.jar playground --echo < script} runs them:
 * the real bot on the stand-in, driven line by line, with the transcript checked.
 */
class PlaygroundScriptTest {
    @TempDir
    Path data;

    private final StringWriter transcript = new StringWriter();
    private LogCapture errors;
    private Playground playground;

    @BeforeEach
    void start() throws Exception {
        errors = LogCapture.attach("ROOT", Level.ERROR);
        Clock monday = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        playground = Playground.start(
                PlaygroundStarter.of(Config.defaults().withDataDir(data.toString()), Fixtures.goodBank()),
                new PrintWriter(transcript),
                data,
                new PlaygroundClock(monday));
    }

    @AfterEach
    void stop() {
        playground.close();
        assertThat(errors.lines()).isEmpty();
        errors.close();
    }

    private boolean run(String script) throws Exception {
        return PlaygroundTerminal.script(
                playground, new BufferedReader(new StringReader(script)), new PrintWriter(transcript), true);
    }

    @Test
    @DisplayName("a solo quiz from start to its summary")
    void soloQuiz() throws Exception {
        boolean ok = run("""
                /quiz start step:caching difficulty:junior count:1
                click B
                click See results
                """);

        assertThat(ok).isTrue();
        assertThat(transcript.toString())
                .contains("you #general> /quiz start step:caching difficulty:junior count:1\n"
                        + "[1] drillbit in #general  (only you can see this)\n"
                        + "    | Question · Caching · junior · 30 s\n"
                        + "    | Which eviction policy removes the entry unused for the longest time?\n")
                .contains("    [A] [B] [C]\n    [Skip] [Stop quiz]\n")
                .contains("[1] drillbit in #general  (only you can see this)  — edited\n"
                        + "    | ✅ Right — you chose B · +15 points\n")
                .contains("    | Quiz finished · 1 of 1 questions\n    | 15 points · 1 of 1 right (100%)\n");
    }

    @Test
    @DisplayName("dm: a solo quiz in the member's DM with the bot, then channel back to the server")
    void quizInDirectMessages() throws Exception {
        boolean ok = run("""
                dm
                /quiz start step:caching difficulty:junior count:1
                click B
                channel general
                /leaderboard
                """);

        assertThat(ok).isTrue();
        assertThat(transcript.toString())
                .contains("you are in your DM with drillbit; channel general takes you back\n")
                .contains("you DM with you> /quiz start step:caching difficulty:junior count:1\n"
                        + "[1] drillbit in DM with you  (only you can see this)\n"
                        + "    | Question · Caching · junior · 30 s\n")
                .contains("[1] drillbit in DM with you  (only you can see this)  — edited\n"
                        + "    | ✅ Right — you chose B · +15 points\n")
                .contains("you #general> /leaderboard\n")
                .doesNotContain("<@" + playground.member().id() + "> — **15**");
    }

    @Test
    @DisplayName("a short answer typed into the form")
    void shortAnswerThroughTheForm() throws Exception {
        boolean ok = run("""
                /question step:sql difficulty:senior
                click Type your answer
                type atomicty
                """);

        assertThat(ok).isTrue();
        assertThat(transcript.toString())
                .contains("form \"Your answer\" is open: Answer. Fill it with: type <text>\n")
                .contains("    | ✅ Right — you wrote \"atomicty\" · +35 points\n")
                .contains("    | Note: Accepted as \"atomicity\" (watch the spelling).\n");
    }

    @Test
    @DisplayName("a group quiz with three members, closed by moving the clock")
    void groupQuiz() throws Exception {
        boolean ok = run("""
                /quiz start mode:group step:caching difficulty:junior count:1
                as alice
                click B
                as bob
                click A
                as carol
                click B
                click B
                clock +31s
                """);

        assertThat(ok).isTrue();
        String text = transcript.toString();
        assertThat(text)
                .contains("[1] drillbit in #general\n    @you started a group quiz of 1 question.")
                .contains("[2] drillbit in #Quiz 2026-11-23\n    | Question · Caching · junior · 30 s\n")
                .contains("    | Answers close: in 30 s\n")
                .contains("(only alice can see this)\n    Your answer is in. The right answer is revealed in 30 s.")
                .contains("(only carol can see this)\n    You already answered this question; your first answer"
                        + " counts.")
                .contains("the clock is now 2026-11-23T09:00:31Z\n")
                .contains("[2] drillbit in #Quiz 2026-11-23  — edited\n    | Time's up · Question 1/1 · Caching\n")
                .contains("    | 2 of 3 got it right: @alice (+15), @carol (+15)\n")
                .contains("    | Quiz finished · 1 of 1 questions\n    | 1. @alice — 15 points, 1/1 right\n");
    }

    @Test
    void roadmap() throws Exception {
        assertThat(run("/roadmap\n/roadmap step:\"Relational databases and SQL\"\n"))
                .isTrue();

        assertThat(transcript.toString())
                .contains("    | 2. Relational databases and SQL · `sql` · 3 questions\n")
                .contains("    | Step 2 of 3 · Relational databases and SQL\n");
    }

    @Test
    @DisplayName("the learning loop: a missed question comes back in /review a day later; a mock interview to its"
            + " report; /roadmap shows progress")
    void learningLoop() throws Exception {
        boolean ok = run("""
                /question step:caching difficulty:junior
                click A
                clock +1d
                /review start
                click B
                /review start
                /roadmap
                /interview length:3
                click I thought it through
                click Missed it
                click I thought it through
                click Missed it
                click I thought it through
                click Missed it
                """);

        assertThat(ok).isTrue();
        assertThat(transcript.toString())
                .contains("the clock is now 2026-11-24T09:00:00Z\n")
                .contains("    | Review · Caching · junior · 30 s\n")
                .contains("    | — Card 1 of 1 due · Pick a letter.\n")
                .contains("    | ✅ Right — you chose B · rated Easy\n")
                .contains("    Nothing due. Next card: in 3 days (Fri 09:00 UTC).\n")
                .contains("    | 3. Caching · `caching` · 2 questions\n    | ▰▰▰▰▰▰▱▱▱▱ 56% · 1 seen\n")
                .contains("    | Next step: Caching (`caching`): lowest mastery among the steps you started.")
                .contains("    | Mock interview · Question 1/3 · ")
                .contains("    [Write my answer] [I thought it through] [End interview]\n")
                .contains("    | Your answer: Thought through without typing.\n")
                .contains("    Question 2: 0% · added to your review deck\n")
                .contains("    | Mock interview report · mid level · 0%\n")
                .contains("    | Added to your review deck: 3 cards; they come up in /review start when due.\n")
                .containsPattern("    attachment: mock-interview-2026-11-24-[0-9a-z]{8}\\.md ");
    }

    @Test
    @DisplayName("bad input gets one clear line each and the session goes on")
    void badInput() throws Exception {
        boolean ok = run("""
                dance
                click Z
                /quiz start count:many
                /quiz start colour:red
                /quiz begin
                /quiz start step:"caching
                clock -5m
                clock yesterday
                type hello
                as
                /help
                """);

        assertThat(ok).isFalse();
        assertThat(transcript.toString())
                .contains("! unknown command \"dance\"; slash commands start with /, and help lists the rest\n")
                .contains("! no message you can see has a button \"Z\"\n")
                .contains("/quiz start count:many\n! ")
                .contains("/quiz start colour:red\n! ")
                .contains("/quiz begin\n! ")
                .contains("! a quote is not closed\n")
                .contains("! the clock only moves forward\n")
                .contains("! write the time like 2026-12-01T09:00 (UTC) or +1d\n")
                .contains("! no form is open; a button such as \"Type your answer\" opens one\n")
                .contains("! write: as <name>, or as <name> admin\n")
                .contains("you #general> /help\n[1] drillbit in #general  (only you can see this)\n");
        assertThat(transcript.toString().lines().filter(l -> l.startsWith("! ")))
                .hasSize(10);
    }

    @Test
    @DisplayName("scores survive a restart of the playground: same server, same members, same points")
    void scoresSurviveARestart() throws Exception {
        assertThat(run("""
                as alice
                /question step:caching difficulty:junior
                click B
                """)).isTrue();
        playground.close();

        playground = Playground.start(
                PlaygroundStarter.of(Config.defaults().withDataDir(data.toString()), Fixtures.goodBank()),
                new PrintWriter(transcript),
                data,
                new PlaygroundClock(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)));
        assertThat(run("/leaderboard\n")).isTrue();

        assertThat(transcript.toString()).contains("@alice — 15 points");
    }

    @Test
    @DisplayName("a daily quiz: set for 10:30 Berlin, posted when the clock gets there, answered by three members,"
            + " results when its window closes")
    void dailyQuiz() throws Exception {
        boolean ok = run("""
                /daily set channel:general time:10:30 timezone:Europe/Berlin steps:caching count:2 role:study-group window:2
                clock 2026-11-23T09:30
                channel Daily quiz 2026-11-23
                as alice
                click B
                click Show model answer
                click Nailed it
                as bob
                click A
                click Show model answer
                click Partly
                as carol
                click B
                click B
                clock +2h
                """);

        assertThat(ok).isTrue();
        String text = transcript.toString();
        assertThat(text)
                .contains("    | Daily quiz set\n    | #general · Every day at 10:30 Europe/Berlin\n")
                .contains("the clock is now 2026-11-23T09:30:00Z\n")
                .contains(
                        "drillbit in #general\n    @study-group 📚 Daily quiz · Monday 23 November: 2 questions on Caching.")
                .contains("The questions are in the thread below.")
                .contains("drillbit in #Daily quiz 2026-11-23\n    | Question 1/2 · Caching")
                .contains("(only alice can see this)")
                .contains("You already answered question")
                .contains("    | Daily quiz · Monday 23 November · results\n    | 3 members answered:\n")
                .contains("    | 1. @alice — ")
                .contains("    | Closed · Question 1/2 · Caching");
    }

    @Test
    @DisplayName("a daily schedule survives a restart of the playground, still pinging the same study-group role")
    void dailyScheduleSurvivesARestart() throws Exception {
        assertThat(run("/daily set channel:general time:10:30 timezone:Europe/Berlin role:study-group\n"))
                .isTrue();
        playground.close();

        playground = Playground.start(
                PlaygroundStarter.of(Config.defaults().withDataDir(data.toString()), Fixtures.goodBank()),
                new PrintWriter(transcript),
                data,
                new PlaygroundClock(Clock.fixed(Instant.parse("2026-11-23T09:10:00Z"), ZoneOffset.UTC)));
        assertThat(run("/daily show\n")).isTrue();

        assertThat(transcript.toString())
                .contains("you #general> /daily show\n")
                .contains("    | 5 questions on the whole roadmap · answers for 12 h · pings @study-group\n")
                .contains("    | Next run: Mon 23 Nov 10:30 Europe/Berlin (in 20 min)\n");
    }

    @Test
    @DisplayName(
            "attach a local file, import it as a server pack, and draw a quiz from it; a bad one shows its positions")
    void attachAndImportAPack() throws Exception {
        // GIVEN a good and a bad pack on disk
        Path good = data.resolve("our-step.json");
        java.nio.file.Files.writeString(good, """
                {"step": "our-step", "questions": [
                  {"id": "ours-1", "type": "true_false", "difficulty": "mid",
                   "prompt": "Does our study group meet on Tuesdays?", "answer": true,
                   "explanation": "The group agreed on Tuesdays, as the pinned schedule says.",
                   "source": "https://example.org/schedule"}]}
                """);
        Path bad = data.resolve("bad.json");
        java.nio.file.Files.writeString(bad, "{\"step\": \"our-step\",\n \"questions\": 3}\n");

        // WHEN
        boolean ok = run("/pack import\n"
                + "attach " + good + "\n"
                + "/pack import\n"
                + "/quiz start step:our-step source:server count:1\n"
                + "attach " + bad + "\n"
                + "/pack import file:bad.json\n");

        // THEN
        assertThat(ok).isFalse(); // the first /pack import had no file
        assertThat(transcript.toString())
                .contains("! /pack import needs a file in file: attach one first")
                .contains("attached our-step.json (")
                .contains("Imported the pack for `our-step` (a step of this server's own): 1 question.")
                .contains("    | Question · our-step · mid · 30 s\n" + "    | Does our study group meet on Tuesdays?\n")
                .contains("bad.json was not imported: 1 problem (file:line:column). Nothing was stored; fix it")
                .contains("bad.json:2:15: \"questions\" must be a non-empty list");
    }

    @Test
    @DisplayName("a member suggests a question through the form, an admin approves it, a quiz serves it")
    void suggestApproveAndQuiz() throws Exception {
        boolean ok = run("""
                as sam
                /suggest type:multiple_choice step:study-notes
                type Which structure holds the call frames of a running program?
                type A heap\\nA call stack\\nA queue
                type 2
                type Each call pushes a frame on the call stack; returning pops it.
                type https://example.org/call-stack
                as ada admin
                /suggestions review
                click Approve
                /quiz start step:study-notes source:server count:1
                """);

        assertThat(ok).isTrue();
        assertThat(transcript.toString())
                .contains("Thanks! Your suggestion #1 for `study-notes` is waiting for review.")
                .contains("One suggestion is waiting:")
                .contains("B) A call stack")
                .contains("✅ Approved by")
                .contains("    | Question · study-notes · junior · 30 s\n"
                        + "    | Which structure holds the call frames of a running program?\n");
    }
}
