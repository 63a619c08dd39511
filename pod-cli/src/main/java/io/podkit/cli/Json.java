package io.podkit.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/**
 * The JSON printer of podctl's own outputs ({@code validate}, {@code env}, {@code schema}):
 * indented, with {@code <}, {@code >}, {@code &} and {@code '} left as they are (Gson would escape
 * them for HTML, which makes messages and shell commands in values unreadable), and members in the
 * order they were added, so the same input always prints the same text.
 */
final class Json {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
      .create();

  private Json() {}

  static String print(JsonElement element) {
    return GSON.toJson(element);
  }
}
