package io.flowengine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks with JMH, writes JMH's JSON result file and the machine description beside
 * it, then regenerates {@code BENCHMARKS.md} from them ({@link BenchmarksReport}). The Maven
 * profile {@code bench} calls it on the toolchain JDK:
 *
 * <pre>
 * ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=quick   # every benchmark, short
 * ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full    # the numbers to quote
 * ... -Dbench.include=GetFlowBenchmark                                   # a JMH regex
 * </pre>
 *
 * <p>Arguments: {@code quick|full <result.json> <BENCHMARKS.md> [include-regex]}.
 */
public final class BenchmarkSuite {
  /** How long and how often each benchmark is measured. */
  enum Pass {
    /** One fork, one short warm-up and two short measurements: every benchmark in minutes. */
    QUICK {
      @Override
      void configure(ChainedOptionsBuilder options) {
        options
            .forks(1)
            .warmupIterations(1)
            .warmupTime(TimeValue.milliseconds(400))
            .measurementIterations(2)
            .measurementTime(TimeValue.milliseconds(300));
      }
    },
    /** Two forks, and each class's own warm-up and measurement settings. */
    FULL {
      @Override
      void configure(ChainedOptionsBuilder options) {
        options.forks(2);
      }
    };

    abstract void configure(ChainedOptionsBuilder options);
  }

  private BenchmarkSuite() {}

  /** Returns the checked-out commit (and whether files differ from it), or "unknown". */
  static String gitCommit(@Nullable Path directory) {
    try {
      Process describe =
          new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=12")
              .directory(directory == null ? null : directory.toFile()) // null: this process's
              .redirectErrorStream(true)
              .start();
      String out =
          new String(describe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return describe.waitFor() == 0 && !out.isEmpty() ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** Runs the pass named by {@code args[0]}; see the class comment. */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: BenchmarkSuite quick|full <result.json> <BENCHMARKS.md> [include-regex]");
      System.exit(2);
    }
    Pass pass = Pass.valueOf(args[0].toUpperCase(Locale.ROOT));
    Path result = Path.of(args[1]).toAbsolutePath();
    Path markdown = Path.of(args[2]).toAbsolutePath().normalize();
    String include =
        args.length > 3 && !args[3].isBlank() ? args[3] : "io\\.flowengine\\..*Benchmark\\..*";
    Files.createDirectories(result.getParent());

    Map<String, String> machine = MachineInfo.describe();
    machine.put("profile", pass.name().toLowerCase(Locale.ROOT));
    machine.put("commit", gitCommit(markdown.getParent()));
    machine.put("started", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(include)
            .addProfiler(SecondaryMetricsProfiler.class)
            .resultFormat(ResultFormatType.JSON)
            .result(result.toString())
            .shouldFailOnError(true);
    pass.configure(options);
    new Runner(options.build()).run();
    machine.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    machine.put("loadAtEnd", MachineInfo.loadAverages());
    MachineInfo.write(MachineInfo.sidecar(result), machine);

    BenchmarksReport.write(result, markdown);
    System.out.println("wrote " + markdown + " from " + result);
  }
}
