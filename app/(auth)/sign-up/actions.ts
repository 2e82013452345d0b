"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { createMember } from "@/lib/data/users";
import { signUpSchema } from "@/lib/validation/account";

/** Creates a member account; the form then signs in with the same credentials. */
export async function signUpAction(input: unknown): Promise<ActionResult<{ handle: string }>> {
  return runAction(async () => {
    const member = await createMember(signUpSchema.parse(input));
    return { handle: member.handle };
  });
}
