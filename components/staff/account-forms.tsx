"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/password-rules";
import { MAX_BIO_LENGTH, MAX_DISPLAY_NAME_LENGTH } from "@/lib/validations/profile";
import { initialFormState, type FormState } from "@/lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export interface ProfileFormValues {
  name: string;
  bio: string | null;
  creditOptOut: boolean;
}

/**
 * The public profile: the name bylines show, a short bio for the author page, and the opt-out. Fields are remounted
 * with what was saved or typed, since the form resets after each submission.
 */
export function ProfileForm({
  action,
  profile,
  authorPage,
}: {
  action: Action;
  profile: ProfileFormValues;
  /** Their author page, once something they worked on is published. */
  authorPage: { path: string; isLive: boolean } | null;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.ok ? {} : state.fieldErrors;
  const values = state.values;
  const name = values?.name ?? profile.name;
  const bio = values?.bio ?? profile.bio ?? "";
  const isOptedOut = values ? values.creditOptOut === "on" : profile.creditOptOut;
  const bioError = errors.bio;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <TextField
        key={`name-${name}`}
        id="profile-name"
        label="Name"
        name="name"
        autoComplete="name"
        hint={`As readers see it in bylines and on your author page; at most ${MAX_DISPLAY_NAME_LENGTH} characters.`}
        defaultValue={name}
        maxLength={MAX_DISPLAY_NAME_LENGTH}
        error={errors.name}
        required
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="profile-bio" className="text-sm font-medium text-stone-800">
          Short bio (optional)
        </label>
        <p id="profile-bio-hint" className="text-xs text-stone-600">
          Plain text, at most {MAX_BIO_LENGTH} characters, shown on your author page.
        </p>
        <textarea
          key={`bio-${bio}`}
          id="profile-bio"
          name="bio"
          rows={3}
          maxLength={MAX_BIO_LENGTH}
          defaultValue={bio}
          aria-invalid={bioError ? true : undefined}
          aria-describedby={["profile-bio-hint", bioError ? "profile-bio-error" : null].filter(Boolean).join(" ")}
          className={`rounded-md border bg-white px-3 py-2 text-base shadow-xs outline-none focus:border-accent focus:ring-2 focus:ring-rose-200 ${
            bioError ? "border-red-600" : "border-stone-300"
          }`}
        />
        {bioError ? (
          <p id="profile-bio-error" className="text-sm text-red-700">
            {bioError}
          </p>
        ) : null}
      </div>
      <div className="flex items-start gap-2">
        <input
          key={`opt-out-${isOptedOut}`}
          id="profile-credit-opt-out"
          name="creditOptOut"
          type="checkbox"
          defaultChecked={isOptedOut}
          aria-describedby="profile-credit-opt-out-hint"
          className="mt-1 h-4 w-4 accent-accent"
        />
        <div>
          <label htmlFor="profile-credit-opt-out" className="text-sm font-medium text-stone-800">
            Don&apos;t credit me publicly
          </label>
          <p id="profile-credit-opt-out-hint" className="text-xs text-stone-600">
            Bylines then name the newsroom instead of you, and you have no author page.
          </p>
        </div>
      </div>
      {authorPage ? (
        <p className="text-sm text-stone-700">
          {authorPage.isLive && !isOptedOut ? (
            <>
              Your author page:{" "}
              <a href={authorPage.path} className="text-accent underline underline-offset-2">
                {authorPage.path}
              </a>
            </>
          ) : isOptedOut ? (
            <>You have no public author page while you are not credited.</>
          ) : (
            <>Your author page will be at {authorPage.path} once a transcript you worked on is published.</>
          )}
        </p>
      ) : null}
      <FormMessage tone={state.ok ? "success" : "error"} message={state.message} />
      <div>
        <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
      </div>
    </form>
  );
}

export function PasswordForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.ok ? {} : state.fieldErrors;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword}
        required
      />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters, not a common password, and without your email or the newsroom's name. You will be asked to sign in again, and your other sessions end.`}
        error={errors.password}
        required
      />
      <TextField
        label="Type the new password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword}
        required
      />
      <FormMessage tone="error" message={state.ok ? undefined : state.message} />
      <div>
        <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}
