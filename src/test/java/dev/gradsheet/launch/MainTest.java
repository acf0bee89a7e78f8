package dev.gradsheet.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which arguments start the web app and which run a command: settings work in any order. */
class MainTest {
    @Test
    void anyNameValueSettingStartsTheServerInAnyOrder() {
        assertThat(Main.isCommand(new String[] {})).isFalse();
        assertThat(Main.isCommand(new String[] {"--gradsheet.limits.upload=64MB"})).isFalse();
        assertThat(Main.isCommand(new String[] {"--gradsheet.limits.upload=64MB", "--server.port=9090"})).isFalse();
        assertThat(Main.isCommand(new String[] {"--server.port=9090", "--gradsheet.limits.upload=64MB"})).isFalse();
        assertThat(Main.isCommand(new String[] {"--spring.profiles.active=demo", "--gradsheet.jobs.workers=2"})).isFalse();
        assertThat(Main.isCommand(new String[] {"--logging.level.root=warn", "--my-setting[0]=a=b"})).isFalse();
    }

    @Test
    void commandsHelpAndAnythingElseAreTheCommandLines() {
        assertThat(Main.isCommand(new String[] {"eval", "x.sheet"})).isTrue();
        assertThat(Main.isCommand(new String[] {"--help"})).isTrue();
        assertThat(Main.isCommand(new String[] {"--version"})).isTrue();
        assertThat(Main.isCommand(new String[] {"--gradsheet.limits.upload=64MB", "eval", "x.sheet"})).isTrue();
        assertThat(Main.isCommand(new String[] {"--=x"})).isTrue();
        assertThat(Main.isCommand(new String[] {"--1x=2"})).isTrue();
        assertThat(Main.isCommand(new String[] {"--a b=c"})).isTrue();
    }
}
