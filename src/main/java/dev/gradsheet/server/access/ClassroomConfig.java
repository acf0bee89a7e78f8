package dev.gradsheet.server.access;

import dev.gradsheet.server.LiveEvents;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.server.SheetStore;
import dev.gradsheet.server.classroom.Classroom;
import dev.gradsheet.server.classroom.ClassroomStore;
import dev.gradsheet.server.people.UserStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The classroom's parts over the sheets' database: people, classes, the workflow and the access rules. */
@Configuration
public class ClassroomConfig {
    @Bean
    UserStore userStore(SheetStore sheets) {
        return new UserStore(sheets.dataSource(), Clock.systemUTC());
    }

    @Bean
    ClassroomStore classroomStore(SheetStore sheets) {
        return new ClassroomStore(sheets.dataSource(), Clock.systemUTC());
    }

    @Bean
    Classroom classroom(ClassroomStore store, UserStore users, SheetRegistry registry, LiveEvents events) {
        return new Classroom(store, users, registry, events, Clock.systemUTC());
    }

    @Bean
    SheetActions sheetActions(SheetRegistry registry, SheetAccess access, Classroom classroom, LiveEvents events) {
        return new SheetActions(registry, access, classroom, events);
    }

    @Bean
    SheetAccess sheetAccess(SheetRegistry registry, ClassroomStore classroom) {
        return new SheetAccess(registry, classroom);
    }
}
