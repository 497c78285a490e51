// The curriculum's API for other domains.
export { getLessonOutline, listLessonsForAssigning, type LessonOutline } from './outline';
export { canView as canViewLesson, type Viewer as LessonViewer } from './lessons';
