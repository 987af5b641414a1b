/** Exchange keeps three email slots per contact; the ERP may hold more. */
export const outlookEmailSlots = 3;
