import { z } from 'zod';

/**
 * Meta's Cloud API webhook, as far as we read it. Objects are loose: Meta adds fields without
 * notice, and `from`/`wa_id` are optional (username users may have only a BSUID).
 */
const ZMedia = z.looseObject({
  id: z.string().optional(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  url: z.string().optional(),
  voice: z.boolean().optional(),
});

export const ZCloudMessage = z.looseObject({
  from: z.string().optional(),
  id: z.string().min(1),
  timestamp: z.string().regex(/^\d{1,13}$/),
  type: z.string().min(1),
  text: z.looseObject({ body: z.string() }).optional(),
  image: ZMedia.optional(),
  video: ZMedia.optional(),
  audio: ZMedia.optional(),
  document: ZMedia.optional(),
  sticker: ZMedia.optional(),
  location: z
    .looseObject({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() })
    .optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
    })
    .optional(),
  button: z.looseObject({ payload: z.string().optional(), text: z.string() }).optional(),
  reaction: z.looseObject({ message_id: z.string(), emoji: z.string().optional() }).optional(),
  context: z.looseObject({ from: z.string().optional(), id: z.string().optional() }).optional(),
  errors: z.array(z.looseObject({ code: z.number().optional(), title: z.string().optional() })).optional(),
});

export const ZCloudStatus = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: z.string().regex(/^\d{1,13}$/),
  recipient_id: z.string().optional(),
  errors: z
    .array(
      z.looseObject({
        code: z.number().optional(),
        title: z.string().optional(),
        message: z.string().optional(),
        error_data: z.looseObject({ details: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

export const ZCloudValue = z.looseObject({
  metadata: z.looseObject({ phone_number_id: z.string().min(1), display_phone_number: z.string().optional() }),
  contacts: z
    .array(z.looseObject({ wa_id: z.string().optional(), profile: z.looseObject({ name: z.string().optional() }).optional() }))
    .optional(),
  messages: z.array(ZCloudMessage).optional(),
  statuses: z.array(ZCloudStatus).optional(),
});

export const ZCloudWebhook = z.object({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
});

export type CloudMessage = z.infer<typeof ZCloudMessage>;
export type CloudStatus = z.infer<typeof ZCloudStatus>;
export type CloudValue = z.infer<typeof ZCloudValue>;
