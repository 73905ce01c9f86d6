import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import { AppError } from '../../src/errors.ts';
import type { Context } from './context.ts';

export const t = initTRPC.context<Context>().create({
  // Subscriptions ride the WebSocket only, where sockets are closed when a session ends; an SSE
  // stream over HTTP would outlive a deactivation or a sign-out.
  sse: { enabled: false },
  errorFormatter: ({ shape, error }) => {
    const cause = error.cause;
    const isBug = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      // A bug's message may carry internals: the client gets a generic line, the log the detail.
      message: isBug ? 'Something went wrong on our side. Please try again.' : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        appCode: cause instanceof AppError ? cause.code : null,
        fieldErrors: cause instanceof ZodError ? cause.flatten().fieldErrors : null,
      },
    };
  },
});
