"use client";
import { startTransition, useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/server/platform/action";

type Action<T> = (prev: ActionState<T>, data: FormData) => Promise<ActionState<T>>;

/**
 * useActionState for the manage forms. React resets a <form action> after every
 * submission, which would wipe what the instructor typed when the server sends
 * back field errors; submitting through onSubmit keeps the values, and the form
 * is reset only after a success (when asked). Without JavaScript the form still
 * posts to the same action.
 */
export function useCourseForm<T = undefined>(
  action: Action<T>,
  { resetOnSuccess = false }: { resetOnSuccess?: boolean } = {},
) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return { state, pending, formProps: { ref, action: formAction, onSubmit } };
}
