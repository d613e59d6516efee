package dev.drillbit.discord;

/** The buttons of {@code /me forget}'s confirmation. Codes never change once buttons carry them. */
public enum MeAction implements ComponentAction {
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

    /** The action with this code; empty for any other code. */
    public static java.util.Optional<MeAction> of(String code) {
        return ComponentAction.parse(MeAction.class, code);
    }
}
