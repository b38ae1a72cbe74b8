import { partKit, type PartKit } from '../kit';

/** The passkey parts take the package's part kit (see ../kit.ts), as every on-demand part does. */
export const passkeyKit = partKit;
export type PasskeyKit = PartKit;
