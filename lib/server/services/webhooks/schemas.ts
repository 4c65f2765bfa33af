import { z } from "zod";

const ZSlug = z.string().trim().min(1).max(64);

export const ZWebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => {
    try {
      const url = new URL(u);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "Give an http(s) URL without credentials, e.g. https://hooks.example.com/tessera");

export const WEBHOOK_EVENTS = ["deprecation.announced", "deprecation.reminder", "deprecation.sunset", "webhook.test"] as const;

export const ZCreateWebhook = z.object({ team: ZSlug, url: ZWebhookUrl });
export const ZDeleteWebhook = z.object({ team: ZSlug, id: z.string().trim().min(1).max(64) });
export const ZSendTestWebhook = ZDeleteWebhook;
