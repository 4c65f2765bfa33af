// Stands in for the `server-only` package in tests: lib/server modules import it, and outside
// Next.js's react-server bundling the real package throws on import.
export {};
