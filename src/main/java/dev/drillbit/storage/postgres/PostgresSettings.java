package dev.drillbit.storage.postgres;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the PostgreSQL store lives and how to log in. Immutable. {@link #toString()} never shows the
 * password, so a settings object may be logged.
 *
 * @param url a {@code jdbc:postgresql://} URL
 * @param schema the schema the tables live in; empty for the user's default ({@code search_path})
 * @param poolSize the most connections the pool opens (the writer takes one, queries share the rest)
 */
public record PostgresSettings(String url, String user, String password, Optional<String> schema, int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 8;

    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(schema, "schema");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db): " + url);
        }
        if (poolSize < 2) {
            throw new IllegalArgumentException("the pool needs at least 2 connections (one writer): " + poolSize);
        }
        schema.ifPresent(s -> {
            if (!s.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("schema must be a plain lower-case identifier: " + s);
            }
        });
    }

    public PostgresSettings(String url, String user, String password) {
        this(url, user, password, Optional.empty(), DEFAULT_POOL_SIZE);
    }

    public PostgresSettings withSchema(String name) {
        return new PostgresSettings(url, user, password, Optional.of(name), poolSize);
    }

    public PostgresSettings withPoolSize(int size) {
        return new PostgresSettings(url, user, password, schema, size);
    }

    /** The URL as it may be logged: a {@code password} parameter in it shows as {@code ***}. */
    public String safeUrl() {
        return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + safeUrl() + ", user=" + user + ", password="
                + (password.isEmpty() ? "" : "***") + ", schema=" + schema.orElse("(default)") + ", poolSize="
                + poolSize + "]";
    }
}
