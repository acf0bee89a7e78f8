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
            .should().dependOnClassesThat().resideInAnyPackage(VAADIN, "dev.gradsheet.ui..")
            .because("storage, the registry and the jobs are the server's; views only observe and call them");

    @ArchTest
    static final ArchRule onlyTheUiUsesVaadin = noClasses()
            .that().resideOutsideOfPackages("dev.gradsheet.ui..")
            .and().doNotHaveFullyQualifiedName(GradSheetApplication.class.getName())
            .should().dependOnClassesThat().resideInAPackage(VAADIN)
            .because("Vaadin views and presenters live in ui and nowhere else");

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
