// The one callback every training loop takes (gradient descent, minibatch SGD, Adam, the tfjs loops).

/**
 * Called after step t's update, with t and the loss measured before that update (the history's loss[t]);
 * a step whose loss is not finite ends training without a call.
 */
export type OnStep = (step: number, loss: number) => void;
