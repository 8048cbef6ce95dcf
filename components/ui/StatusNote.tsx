import type { ReactNode } from "react";

/**
 * A marked line that tells what just happened: read out politely as a status, or at once as an
 * alert when it says something went wrong.
 */
export function StatusNote({
  children,
  alert,
  className = "",
}: {
  children: ReactNode;
  alert?: boolean;
  className?: string;
}) {
  return (
    <p
      role={alert ? "alert" : "status"}
      className={`border-l-4 border-brand pl-3 ${alert ? "font-bold text-brand" : ""} ${className}`}
    >
      {children}
    </p>
  );
}
