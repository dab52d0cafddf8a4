/**
 * The version of the terms of service and privacy notice a sign-up accepts (the date it took effect). A new material
 * version changes this constant; what each user accepted stays recorded in `identity.terms_acceptance`.
 */
export const CURRENT_TERMS_VERSION = '2026-12-01';
