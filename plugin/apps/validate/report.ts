export interface Problem {
  path: string;
  message: string;
}

export type Report = (path: string, message: string) => void;
