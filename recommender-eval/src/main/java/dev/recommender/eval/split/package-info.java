/**
 * Train/test splitters over event logs. Every {@link dev.recommender.eval.split.Splitter} is
 * seeded and deterministic, works at the event level on an
 * {@link dev.recommender.core.data.EventLog} and returns {@link dev.recommender.eval.split.Split}s
 * whose two sides share the log's id indexes. All splitters except the temporal one move whole
 * (user, item) pairs: every event of a pair lands on the same side, so a test pair never leaks
 * into training.
 *
 * <p>Two splitters reproduce the protocols behind the peer numbers exactly (see
 * {@link dev.recommender.eval.split.KFold#protocolA(int, long)} and
 * {@link dev.recommender.eval.split.PerUserHoldout#protocolB(double, int, long)}).
 */
package dev.recommender.eval.split;
