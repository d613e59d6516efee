package dev.drillbit.app;

/** Entry point placeholder; replaced by the command line as soon as it exists. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("drillbit");
    }
}
