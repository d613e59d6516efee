/**
 * What quiz sessions and mock interviews share: the {@link dev.drillbit.session.SessionRegistry} (a
 * Caffeine cache on the injected ticker: ids drawn without collisions, one running session per owner,
 * idle expiry, eviction, a removal listener, shuffling with the shared random), and
 * {@link dev.drillbit.session.QuestionSession} with its {@link dev.drillbit.session.QuestionRun} (the
 * questions in order, the current one and its {@link dev.drillbit.session.QuestionTimer}). The decisions
 * of each kind of session stay in {@code quiz} and {@code interview}.
 *
 * <p>Plain Java: no Discord types (an ArchUnit rule says so), and nothing of ours but the bank.
 */
package dev.drillbit.session;
