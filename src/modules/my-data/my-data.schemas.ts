import { z } from 'zod';

export const DeleteAccountForm = z.object({ password: z.string().min(1, 'required').max(1000, 'tooLong') });
