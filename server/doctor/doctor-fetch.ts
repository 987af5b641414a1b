/** The part of `fetch` the checks use: the global one, or one trusting a private certificate authority. */
export type DoctorFetch = (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<Response>;
