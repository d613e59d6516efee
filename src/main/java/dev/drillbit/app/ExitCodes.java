package dev.drillbit.app;

/** Process exit codes of every command. */
final class ExitCodes {
    static final int OK = 0;
    /** Something failed while running (a damaged data file, a lost connection). */
    static final int FAILED = 1;
    /** The input is wrong: bad question files, bad configuration, a missing token, a bad option. */
    static final int INVALID = 2;

    private ExitCodes() {}
}
