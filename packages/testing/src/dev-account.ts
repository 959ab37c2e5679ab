// The well-known development account of the emulator, like Azurite's devstoreaccount1: the
// defaults of startEmulator and batch-emulator. Never a real credential; safe to publish.

/** Account name the emulator accepts by default. */
export const DEV_ACCOUNT_NAME = "devaccount";

/** Base64 account key the emulator accepts by default: the bytes 0..31. */
export const DEV_ACCOUNT_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
