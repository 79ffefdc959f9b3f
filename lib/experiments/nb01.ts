// Notebook 01's experiments, exported from the core entry as the namespace `course.nb01`.

export { tutorialData, tutorialProblem, runTutorialSeed, surveyTutorialSeeds, runOutcome, REFERENCE_EFFECTIVE_LEARNING_RATE } from "./nb01_tutorial_runs";
export type { TutorialProblem, RunOutcome, SeedRun } from "./nb01_tutorial_runs";
export { tutorialProblemWithStds, runToFate, tutorialFate, XAVIER_STDS, HE_STDS, LEARNS_BELOW, STUCK_BELOW } from "./nb01_fate";
export type { Fate, FateRun, LayerStds } from "./nb01_fate";
export { fateMap, smallRateControl, FATE_MAP_STDS, FATE_MAP_LEARNING_RATES, FATE_MAP_STEPS } from "./nb01_fate_map";
export type { FateCell, FateMap, RateControl } from "./nb01_fate_map";
export { seedSurvey, fateSummary } from "./nb01_seed_survey";
export type { SeedSurvey, FateFraction } from "./nb01_seed_survey";
export { layer2Mechanism, topDirectionShare } from "./nb01_layer2_mechanism";
export type { Layer2Mechanism, UnitRange } from "./nb01_layer2_mechanism";
export { symmetryRuns } from "./nb01_symmetry";
export type { SymmetryRun } from "./nb01_symmetry";
export { fateStep, recipeLossFigure, deadUnitsFigure, surveyRows, surveyFigure, seedSliderFigure, SURVEY_HEADERS } from "./nb01_figures";
