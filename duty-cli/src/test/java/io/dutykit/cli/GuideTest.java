package io.dutykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15: the task guides in docs/rules.zh.md and docs/rules.md, and the README's tour, are run
 * step by step as a compliance officer would follow them — every command, every file edit, and every
 * output the page shows — so a page cannot tell a reader something the tool no longer does.
 *
 * <p>A page marks what a reader does with HTML comments that do not show when it is rendered:
 * {@code <!-- guide: run -->} (or {@code run, exit 2}) before a {@code sh} block of {@code duty …}
 * commands, whose output must hold every line of the {@code text} block right after it ({@code …}
 * stands for anything); {@code <!-- guide: write FILE -->}, {@code append FILE} and {@code check FILE}
 * (the file holds exactly this) before a block; {@code <!-- guide: edit FILE: "old" -> "new" -->} and
 * {@code <!-- guide: delete FILE -->}. Paths are relative to a fresh folder.
 */
class GuideTest {
    private static final Pattern DIRECTIVE = Pattern.compile("^<!-- guide: (.+?) -->$");
    private static final Pattern EDIT = Pattern.compile("edit (\\S+): \"(.*)\" -> \"(.*)\"");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"docs/rules.zh.md, zh", "docs/rules.md, en", "README.md, en"})
    void every_step_of_the_page_works_as_it_says(String page, String language) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..").resolve(page), StandardCharsets.UTF_8);
        Locale before = Locale.getDefault();
        Locale.setDefault(language.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
        int steps = 0;
        try {
            for (int i = 0; i < lines.size(); i++) {
                Matcher directive = DIRECTIVE.matcher(lines.get(i).strip());
                if (!directive.matches()) {
                    continue;
                }
                steps++;
                String step = directive.group(1);
                String where = page + " line " + (i + 1) + " (" + step + ")";
                if (step.startsWith("edit ")) {
                    Matcher edit = EDIT.matcher(step);
                    assertThat(edit.matches()).as(where).isTrue();
                    Path file = dir.resolve(edit.group(1));
                    String content = Files.readString(file);
                    assertThat(content).as(where).contains(edit.group(2));
                    Files.writeString(file, content.replace(edit.group(2), edit.group(3)));
                    continue;
                }
                if (step.startsWith("delete ")) {
                    Files.delete(dir.resolve(step.substring("delete ".length())));
                    continue;
                }
                int open = nextFence(lines, i + 1);
                List<String> block = block(lines, open);
                int after = open + block.size() + 2;
                if (step.startsWith("run")) {
                    int exit = step.contains("exit ") ? Integer.parseInt(step.replaceAll(".*exit (\\d+).*", "$1")) : 0;
                    StringBuilder out = new StringBuilder();
                    for (String command : block) {
                        if (command.isBlank() || command.strip().startsWith("#")) {
                            continue;
                        }
                        assertThat(command).as(where).startsWith("duty ");
                        Cli cli = Cli.run(arguments(command.substring("duty ".length())));
                        assertThat(cli.exit())
                                .as(where + ": " + command + "\n" + cli)
                                .isEqualTo(exit);
                        out.append(normalised(cli.out())).append(normalised(cli.err()));
                    }
                    int shown = nextNonBlank(lines, after);
                    if (shown < lines.size() && lines.get(shown).startsWith("```text")) {
                        for (String expected : block(lines, shown)) {
                            if (expected.isBlank() || expected.strip().equals("…")) {
                                continue;
                            }
                            assertThat(out.toString().lines().map(String::stripTrailing))
                                    .as(where + ": the output shows\n" + expected + "\n--- output\n" + out)
                                    .anyMatch(line -> matches(line, expected.stripTrailing()));
                        }
                    }
                } else if (step.startsWith("write ")) {
                    Path file = dir.resolve(step.substring("write ".length()));
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, String.join("\n", block) + "\n");
                } else if (step.startsWith("append ")) {
                    Path file = dir.resolve(step.substring("append ".length()));
                    Files.writeString(file, Files.readString(file) + String.join("\n", block) + "\n");
                } else if (step.startsWith("check ")) {
                    Path file = dir.resolve(step.substring("check ".length()));
                    assertThat(Files.readString(file).strip())
                            .as(where)
                            .isEqualTo(String.join("\n", block).strip());
                } else {
                    throw new AssertionError(where + ": unknown step");
                }
            }
        } finally {
            Locale.setDefault(before);
        }
        assertThat(steps).as("%s has a guide to follow", page).isGreaterThan(3);
    }

    /** A shown line matches an output line exactly, {@code …} standing for anything. */
    private static boolean matches(String line, String shown) {
        String[] parts = shown.split("…", -1);
        String regex =
                String.join(".*", Arrays.stream(parts).map(Pattern::quote).toList());
        return line.matches(regex);
    }

    private String normalised(String output) {
        return output.replace(dir.toString() + "/", "").replace(dir.toString(), ".");
    }

    /** The arguments of a command line, paths made relative to the guide's folder. */
    private String[] arguments(String commandLine) {
        List<String> args = new ArrayList<>();
        for (String arg : commandLine.strip().split("\\s+")) {
            boolean path = !arg.startsWith("-")
                    && (arg.startsWith("my-rules") || arg.endsWith(".json") || arg.endsWith(".html"));
            args.add(path ? dir.resolve(arg).toString() : arg);
        }
        return args.toArray(String[]::new);
    }

    private static int nextFence(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```")) {
                return i;
            }
        }
        throw new AssertionError("no code block after line " + from);
    }

    private static int nextNonBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    /** The lines of the fenced block that opens at {@code open}. */
    private static List<String> block(List<String> lines, int open) {
        List<String> block = new ArrayList<>();
        for (int i = open + 1; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
            block.add(lines.get(i));
        }
        return block;
    }
}
