/**
 * What every file-backed store shares: replacing a file whole and durably ({@link dev.drillbit.storage.AtomicFile},
 * {@link dev.drillbit.storage.Fsync}), one format-version check for every header
 * ({@link dev.drillbit.storage.FormatVersions}) and the errors damaged or foreign files are refused with
 * ({@link dev.drillbit.storage.DataFileException}). The implementations of the ports are in
 * {@code dev.drillbit.storage.flatfile}.
 */
package dev.drillbit.storage;
