// Notebook 01's experiments, exported from the core entry as the namespace `course.nb01`.

export { tutorialData, tutorialProblem, runTutorialSeed, surveyTutorialSeeds, runOutcome, REFERENCE_EFFECTIVE_LEARNING_RATE } from "./nb01_tutorial_runs";
export type { TutorialProblem, RunOutcome, SeedRun } from "./nb01_tutorial_runs";
export { fateStep, recipeLossFigure, deadUnitsFigure, surveyRows, surveyFigure, SURVEY_HEADERS } from "./nb01_figures";
