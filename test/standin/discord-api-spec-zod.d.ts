/**
 * Type declarations for `discord-api-spec/zod`.
 *
 * The package points its "types" condition at the generated `.js` file, so under our tsconfig
 * (no allowJs) TypeScript sees an untyped module (TS7016). Only the schemas the stand-in uses are
 * declared; each is a zod (mini) schema, typed loosely as `$ZodType` because the stand-in only
 * parses with it and walks its definition.
 */
declare module 'discord-api-spec/zod' {
  import type { $ZodType } from 'zod/v4/core';

  /**
   * Switches the object constructor used by *subsequently evaluated* schema definitions. All
   * schemas are built when the module is first evaluated, so calling this after import changes
   * nothing — which is why the stand-in derives strict copies itself (see strict.ts).
   */
  export const setStrictObject: (strict: boolean) => unknown;

  // Interaction callbacks (POST /interactions/{id}/{token}/callback): one schema per callback type.
  export const PongInteractionCallbackRequestSchema: $ZodType;
  export const CreateMessageInteractionCallbackRequestSchema: $ZodType;
  export const UpdateMessageInteractionCallbackRequestSchema: $ZodType;
  export const ApplicationCommandAutocompleteCallbackRequestSchema: $ZodType;
  export const ModalInteractionCallbackRequestSchema: $ZodType;
  export const LaunchActivityInteractionCallbackRequestSchema: $ZodType;
  export const SocialLayerSKUPurchaseEligibilityInteractionCallbackRequestSchema: $ZodType;

  // Webhook executions and edits (interaction follow-ups and @original edits).
  export const IncomingWebhookRequestPartialSchema: $ZodType;
  export const IncomingWebhookUpdateRequestPartialSchema: $ZodType;

  // Channel messages.
  export const MessageCreateRequestSchema: $ZodType;
  export const MessageEditRequestPartialSchema: $ZodType;

  // Application commands.
  export const ApplicationCommandCreateRequestSchema: $ZodType;
  export const ApplicationCommandUpdateRequestSchema: $ZodType;
  export const ApplicationCommandPatchRequestPartialSchema: $ZodType;

  // Response schemas, used by the stand-in's own tests to keep its replies honest.
  export const MessageResponseSchema: $ZodType;
  export const ApplicationCommandResponseSchema: $ZodType;
  export const InteractionCallbackResponseSchema: $ZodType;
  export const UserPIIResponseSchema: $ZodType;
  export const PrivateApplicationResponseSchema: $ZodType;
  export const GatewayBotResponseSchema: $ZodType;
  export const GuildChannelResponseSchema: $ZodType;
}
