import { z } from 'zod';
import { UserSchema } from './user.ts';

/** A comment; `body` is an ADF document in v3 and wiki markup text in v2, so it stays unknown. */
export const CommentSchema = z.looseObject({
  id: z.string(),
  body: z.unknown(),
  author: UserSchema.optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
});

/** A parsed comment. */
export type JiraComment = z.infer<typeof CommentSchema>;

/** `GET /issue/{key}/comment`: a startAt/total page. */
export const CommentPageSchema = z.looseObject({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
  comments: z.array(CommentSchema),
});

/** A parsed page of comments. */
export type CommentPage = z.infer<typeof CommentPageSchema>;
