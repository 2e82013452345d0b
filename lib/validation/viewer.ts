import { z } from "zod";

const recordId = z.string().trim().min(1).max(64);

/** `/api/viewer`'s query: the article and the domain the page shows, each when it has one. */
export const viewerQuerySchema = z.object({ article: recordId.optional(), domain: recordId.optional() });
export type ViewerQuery = z.infer<typeof viewerQuerySchema>;
