/** How the console writes instants: always UTC, so every administrator reads the same time. */
export const utcDate = (d: Date): string => d.toISOString().slice(0, 10);

/** "2026-11-23 07:30 UTC" */
export const utcMinute = (d: Date): string => `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;

/** "2026-11-23 07:30:05", for columns whose header already says UTC. */
export const utcSecond = (d: Date): string => d.toISOString().replace("T", " ").slice(0, 19);
