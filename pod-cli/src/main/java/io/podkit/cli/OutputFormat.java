package io.podkit.cli;

/** The {@code --output} choices; picocli matches them case-insensitively. */
enum OutputFormat {
  TEXT,
  JSON
}
