package io.dutykit.cli;

import io.dutykit.rules.RulesException;
import io.dutykit.rules.StarterFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code duty rules init DIR}: the editable defaults a company starts its rules folder from. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the editable defaults into a new or empty folder: procedure.properties with every key and",
            "what it means, the incident threshold table as CSV and XLSX (edit one, delete the other), a sample",
            "company rule with its messages in English and Chinese, and a scenario that proves it.",
            "Refuses a folder that is not empty (exit 2): nothing is overwritten."
        })
final class RulesInitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the folder to create (new or empty)")
    Path dir;

    @Mixin
    RulesLanguage language;

    @Override
    public Integer call() {
        List<Path> written;
        try {
            written = StarterFolder.write(dir, language.locale());
        } catch (RulesException e) {
            throw UserError.of("%s", e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : written) {
            out.println(language.pick("wrote ", "已写入 ") + Terminal.safe(file.toString()));
        }
        String d = Terminal.safe(dir.toString());
        out.println(language.pick(
                "Next: edit the files, then run  duty rules validate " + d + "  and  duty rules test " + d
                        + "/scenarios --rules " + d + "  (docs/rules.md).",
                "下一步：修改这些文件，然后运行  duty rules validate " + d + "  和  duty rules test " + d + "/scenarios --rules " + d
                        + "（见 docs/rules.zh.md）。"));
        out.flush();
        return ExitCode.OK;
    }
}
