package dev.gradsheet.ui.frames;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's one set of {@link FrameWorkers}, shared by every tab and closed with the server. */
@Configuration
public class FramesConfig {
    @Bean(destroyMethod = "close")
    public FrameWorkers frameWorkers() {
        return FrameWorkers.forServer();
    }
}
