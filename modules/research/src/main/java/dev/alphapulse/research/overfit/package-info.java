/**
 * Statistics of backtest overfitting: the Deflated Sharpe Ratio (Bailey and Lopez de Prado 2014),
 * which discounts the best Sharpe ratio of many trials for selection bias and non-normal returns,
 * and the Probability of Backtest Overfitting by combinatorially symmetric cross-validation
 * (Bailey, Borwein, Lopez de Prado and Zhu 2015). Pure functions of their inputs.
 */
package dev.alphapulse.research.overfit;
