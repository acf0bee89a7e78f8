package dev.gradsheet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture as rules the build checks: the engine at the bottom, depending on nothing but the
 * JDK, RxJava and Eclipse Collections; the file format, training, the Java API and the command line
 * on top of it, free of the web stack; the exports (workbook, PyTorch) on top of those, the only users
 * of Apache POI; the server (storage, registry, jobs) free of Vaadin; Vaadin
 * only in {@code ui}; and no cycle between any two packages.
 */
@AnalyzeClasses(packages = "dev.gradsheet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String VAADIN = "com.vaadin..";
    private static final String SPRING = "org.springframework..";

    @ArchTest
    static final ArchRule engineDependsOnlyOnTheJdkRxJavaAndEclipseCollections = classes()
            .that().resideInAPackage("dev.gradsheet.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.gradsheet.engine..", "java..",
                    "io.reactivex.rxjava3..", "org.eclipse.collections..")
            .because("the engine is the small, fast heart every other layer stands on");

    @ArchTest
    static final ArchRule theLibraryLayersKnowNoWebStack = noClasses()
            .that().resideInAnyPackage("dev.gradsheet.engine..", "dev.gradsheet.sheet..", "dev.gradsheet.train..",
                    "dev.gradsheet.api..", "dev.gradsheet.junit..", "dev.gradsheet.cli..", "dev.gradsheet.launch..",
                    "dev.gradsheet.export..")
            .should().dependOnClassesThat().resideInAnyPackage(VAADIN, SPRING, "jakarta.servlet..")
            .because("the command line and the Java library run without a server");

    @ArchTest
    static final ArchRule theCommandLineUsesNoServerPart = noClasses()
            .that().resideInAnyPackage("dev.gradsheet.cli..", "dev.gradsheet.launch..", "dev.gradsheet.api..",
                    "dev.gradsheet.junit..", "dev.gradsheet.engine..", "dev.gradsheet.sheet..", "dev.gradsheet.train..",
                    "dev.gradsheet.export..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.gradsheet.ui..", "dev.gradsheet.web..",
                    "dev.gradsheet.server..", "dev.gradsheet.jobs..")
            .because("the server is built on the library, never the other way round");

    @ArchTest
    static final ArchRule theServerKnowsNoVaadinAndNoViews = noClasses()
            .that().resideInAnyPackage("dev.gradsheet.server..", "dev.gradsheet.jobs..", "dev.gradsheet.web..")
            .and().resideOutsideOfPackage("dev.gradsheet.web.security..") // Vaadin's Spring Security setup: see below
            .should().dependOnClassesThat().resideInAnyPackage(VAADIN, "dev.gradsheet.ui..")
            .because("storage, the registry and the jobs are the server's; views only observe and call them");

    @ArchTest
    static final ArchRule onlyTheUiUsesVaadin = noClasses()
            .that().resideOutsideOfPackages("dev.gradsheet.ui..", "dev.gradsheet.web.security..")
            .and().doNotHaveFullyQualifiedName(GradSheetApplication.class.getName())
            .should().dependOnClassesThat().resideInAPackage(VAADIN)
            .because("Vaadin views and presenters live in ui and nowhere else");

    @ArchTest
    static final ArchRule presentersKnowNoVaadin = noClasses()
            .that().resideInAPackage("dev.gradsheet.ui..").and().haveNameMatching(".*Presenter(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage(VAADIN)
            .because("a presenter holds the logic behind a view and is tested with plain JUnit; the view puts"
                    + " its answers on the page");

    @ArchTest
    static final ArchRule viewsAskTheirPresenterNotTheSheet = noClasses()
            .that().resideInAPackage("dev.gradsheet.ui..").and().areAssignableTo(com.vaadin.flow.component.Component.class)
            .should().dependOnClassesThat().haveFullyQualifiedName(dev.gradsheet.engine.Sheet.class.getName())
            .orShould().callMethod(dev.gradsheet.server.SharedSheet.class, "sheet")
            .because("a view shows what its presenter reads from the sheet and edits through it; the engine's"
                    + " Sheet stays behind the presenter");

    @ArchTest
    static final ArchRule theSecurityConfigurationUsesOnlyVaadinsSpringSecurityPart = noClasses()
            .that().resideInAPackage("dev.gradsheet.web.security..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("Vaadin outside its Spring Security integration",
                    c -> c.getPackageName().startsWith("dev.gradsheet.ui") || c.getPackageName().startsWith("com.vaadin.")
                            && !c.getPackageName().equals("com.vaadin.flow.spring.security")))
            .because("the sign-in setup uses Vaadin's VaadinSecurityConfigurer and no view or component");

    @ArchTest
    static final ArchRule theClassroomRulesAndWorkflowKnowNoWebStack = noClasses()
            .that().resideInAnyPackage("dev.gradsheet.server.access..", "dev.gradsheet.server.classroom..",
                    "dev.gradsheet.server.people..")
            .should().dependOnClassesThat().resideInAnyPackage(VAADIN, "jakarta.servlet..", "dev.gradsheet.web..",
                    "dev.gradsheet.ui..")
            .because("pages and HTTP endpoints ask the same access rules; the rules know neither");

    @ArchTest
    static final ArchRule theExportsStandOnTheLibraryNotBeneathIt = noClasses()
            .that().resideInAnyPackage("dev.gradsheet.engine..", "dev.gradsheet.sheet..", "dev.gradsheet.train..",
                    "dev.gradsheet.api..", "dev.gradsheet.junit..")
            .should().dependOnClassesThat().resideInAPackage("dev.gradsheet.export..")
            .because("the exports read sheets through the engine's, the file format's and training's public parts");

    @ArchTest
    static final ArchRule onlyTheExportsUsePoi = noClasses()
            .that().resideOutsideOfPackage("dev.gradsheet.export..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.poi..")
            .because("the workbook library is loaded only when a workbook is written or read");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.gradsheet.(**)")
            .should().beFreeOfCycles();
}
