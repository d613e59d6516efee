package dev.drillbit.storage.postgres;

/** The database could not be reached, logged in to or written; the message is one line fit for an operator. */
public final class StorageUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message) {
        super(message);
    }

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
