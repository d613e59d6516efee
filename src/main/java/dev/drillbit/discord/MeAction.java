package dev.drillbit.discord;

/** The buttons of {@code /me forget}'s confirmation. Codes never change once buttons carry them. */
enum MeAction implements ComponentAction {
    FORGET("forget"),
    CANCEL("cancel");

    private final String code;

    MeAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
