import "server-only";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;
