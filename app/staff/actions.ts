"use server";

import { redirect } from "next/navigation";
import type { TFormState } from "@/lib/actions/formState";
import { signInAction } from "@/lib/auth/signInAction";
import { endSession } from "@/lib/auth/session";

const signIn = signInAction("staff", "/staff");

export async function signInStaff(state: TFormState, formData: FormData): Promise<TFormState> {
  return signIn(state, formData);
}

export async function signOutStaff(): Promise<void> {
  await endSession();
  redirect("/staff/sign-in");
}
