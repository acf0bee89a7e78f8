package dev.gradsheet.server;

import dev.gradsheet.jobs.JobPool;
import jakarta.servlet.MultipartConfigElement;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's limits and its one job pool, from {@code gradsheet.*} settings (see {@link ServerLimits}). */
@Configuration
public class ServerConfig {
    @Bean
    public ServerLimits serverLimits(@Value("${gradsheet.limits.steps-per-click:10000}") int stepsPerClick,
                              @Value("${gradsheet.limits.epochs:1000000}") int maxEpochs,
                              @Value("${gradsheet.jobs.workers:0}") int workers,
                              @Value("${gradsheet.jobs.queue:16}") int queue,
                              @Value("${gradsheet.evict-after:10m}") Duration evictAfter,
                              @Value("${gradsheet.undo-budget:256MB}") org.springframework.util.unit.DataSize undoBudget,
                              @Value("${gradsheet.limits.upload:1000000B}") org.springframework.util.unit.DataSize upload) {
        return new ServerLimits(stepsPerClick, maxEpochs,
                workers > 0 ? workers : ServerLimits.DEFAULT_WORKERS, queue, evictAfter,
                undoBudget.toBytes(), (int) Math.min(Integer.MAX_VALUE, upload.toBytes()));
    }

    /**
     * The servlet container's limit on uploads follows the page's: Spring Boot's default (1 MB) would
     * refuse a file the page accepts — a sheet under a teacher's raised {@code gradsheet.limits.upload},
     * a training table under its 5 MB — before the page sees it and with no word to the visitor.
     * The request may be a little larger than the file: the multipart envelope around it.
     */
    @Bean
    MultipartConfigElement multipartConfig(ServerLimits limits) {
        long largest = Math.max(limits.uploadBytes(), ServerLimits.MAX_CSV_BYTES);
        return new MultipartConfigElement("", largest, limits.uploadRequestBytes(), 0);
    }

    /** Bytes a multipart request may add to its file: boundaries and part headers. */
    static final long MULTIPART_ENVELOPE = 64 * 1024;

    @Bean
    public RunLimits runLimits(@Value("${gradsheet.jobs.cpus:0}") int cpus,
                               @Value("${gradsheet.jobs.per-visitor:2}") int perVisitor,
                               @Value("${gradsheet.train.unwatched-pause:60s}") Duration unwatchedPause) {
        return new RunLimits(cpus > 0 ? cpus : RunLimits.defaultCpus(), perVisitor, unwatchedPause);
    }

    /** The pool is closed by the registry's shutdown, after it has paused and saved every run. */
    @Bean(destroyMethod = "")
    JobPool jobPool(ServerLimits limits, RunLimits runs) {
        return new JobPool(limits.workers(), limits.queue(), runs.cpus(), runs.perVisitor());
    }
}
