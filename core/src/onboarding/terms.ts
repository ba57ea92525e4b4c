/**
 * The AGB and Datenschutzhinweise a workshop owner accepts at registration. Raise the version whenever
 * either text changes in substance: every tenant records which version it accepted and when, which is
 * what a dispute or an audit asks for.
 */
export const TERMS_VERSION = '2026-01';

/** For the form: what the person accepts, with its version. */
export const termsLabel = (version = TERMS_VERSION) => `Stand ${version}`;
