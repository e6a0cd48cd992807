/**
 * Built-in sample data: {@link dev.recommender.core.sample.SampleEvents}, a deterministic synthetic
 * event log with the shape of the proof of concept's engagement log and hidden user and item
 * preferences for models to recover.
 */
package dev.recommender.core.sample;
