/**
 * Study groups' scheduled daily quizzes: schedules, the clock-driven scheduler, group runs, rotation,
 * group streaks and weekly reports. Plain Java; the Discord adapter calls it.
 *
 * <h2>Entry points</h2>
 * {@link dev.drillbit.daily.ScheduleParser} turns a member's options ({@link dev.drillbit.daily.ScheduleInput})
 * into a {@link dev.drillbit.daily.DailySchedule} or a list of {@link dev.drillbit.daily.InputProblem}s.
 * {@link dev.drillbit.daily.DailyScheduler} keeps schedules and runs: the heartbeat calls
 * {@code due(now)} once a second and the adapter carries out each {@link dev.drillbit.daily.DailyAction}
 * and acknowledges it ({@code started}, {@code closed}, {@code failed}); members' answers go through
 * {@code answer(runId, user, position, response)}, whose accepted outcome carries the
 * {@link dev.drillbit.progress.Answer} the adapter records in the score store. {@code startNow(id, now)}
 * starts today's run by hand ({@code /daily now}) under the same once-a-day rule.
 *
 * <h2>Storage</h2>
 * The scheduler records through the {@link dev.drillbit.daily.DailyRepository} port and never touches
 * files itself; the wiring gives it {@code dev.drillbit.storage.flatfile.FlatFileDailyRepository}.
 *
 * <h3>Files of the flat-file repository (format version 1), in the directory the wiring gives (e.g. {@code data/daily/})</h3>
 * <pre>
 * schedules.json                        schedules, group streaks, last weekly report, per-guild rotation
 * runs/&lt;guild&gt;-&lt;channel&gt;-&lt;date&gt;.json     one run: questions, window, status, late flag, answers
 * daily.lock                            held while a scheduler has the directory open
 * </pre>
 * Every file is JSON with a {@code format} and {@code version} header, checked by the score store's
 * {@code FormatVersions.check}: a newer or older version is refused.
 *
 * <h2>Crash safety</h2>
 * Each file is replaced whole: temp file, force, atomic rename, directory force (the score store's
 * {@code Fsync}). A reader therefore sees the old or the new content; there is no torn line to forgive,
 * so any damage stops start-up with a {@code DataFileException} naming the file (and line, for JSON
 * errors), and the files are left untouched. Leftover {@code .tmp} files were never committed and are
 * deleted after a successful read. Where one decision touches two files, the order makes a crash
 * between them harmless:
 * <ul>
 *   <li>start: rotation in {@code schedules.json} first, then the run file. A crash between loses the
 *       drawn questions from the cycle (they count as seen) but never repeats one, and the run, having no
 *       file, is drawn afresh at the next beat (still at most once, since nothing was handed out).
 *   <li>close: the group streak first (skipped if the date already counted), then the run's CLOSING
 *       status. A crash between closes it again after the restart without counting twice.
 *   <li>weekly report: recorded in {@code schedules.json} before it is handed out.
 * </ul>
 * The run file's name is its id ({@code <guild>-<channel>-<local date>}), so "was today's run started"
 * is the existence of one file, which is why a file under another run's name is refused.
 *
 * <h2>Limits</h2>
 * A run file is rewritten on every answer: fine for study groups (tens of members, up to 20 questions);
 * a run with thousands of answers would want an append-only journal like the score store's.
 */
package dev.drillbit.daily;
