import { AppealType, Role } from '@otklik/shared/domain';

export const DEMO_DEPARTMENTS = [
  { code: 'administration', nameRu: 'Администрация', nameEn: 'Administration', parent: null, isGeneralPool: false },
  { code: 'general-pool', nameRu: 'Общий пул', nameEn: 'General pool', parent: 'administration', isGeneralPool: true },
  { code: 'tech-support', nameRu: 'Отдел технической поддержки', nameEn: 'Technical support', parent: 'administration', isGeneralPool: false },
  { code: 'finance', nameRu: 'Финансовый отдел', nameEn: 'Finance department', parent: 'administration', isGeneralPool: false },
  { code: 'regional-services', nameRu: 'Отдел региональных услуг', nameEn: 'Regional services', parent: 'administration', isGeneralPool: false },
  { code: 'quality-control', nameRu: 'Отдел контроля качества', nameEn: 'Quality control', parent: 'administration', isGeneralPool: false },
] as const;

const SERVICE_FIELDS = {
  type: 'object',
  additionalProperties: false,
  properties: {
    serviceNumber: { type: 'string', pattern: '^[A-Z0-9-]{3,32}$', title: 'Номер услуги / заявки' },
    incidentAt: { type: 'string', format: 'date-time', title: 'Дата и время инцидента' },
  },
};

const REGION_FIELDS = {
  type: 'object',
  additionalProperties: false,
  required: ['region'],
  properties: {
    region: { type: 'string', minLength: 2, maxLength: 100, title: 'Регион' },
    serviceNumber: { type: 'string', pattern: '^[A-Z0-9-]{3,32}$', title: 'Номер услуги' },
  },
};

const GRATITUDE = [AppealType.Gratitude];

interface DemoCategory {
  code: string;
  nameRu: string;
  nameEn: string;
  department: string | null;
  parent?: string;
  appealTypes?: AppealType[];
  schema?: Record<string, unknown>;
  priority?: boolean;
}

export const DEMO_CATEGORIES: DemoCategory[] = [
  { code: 'tech', nameRu: 'Техническая поддержка', nameEn: 'Technical support', department: 'tech-support', schema: SERVICE_FIELDS },
  { code: 'tech-problems', parent: 'tech', nameRu: 'Технические проблемы', nameEn: 'Technical problems', department: 'tech-support', schema: SERVICE_FIELDS },
  { code: 'tech-access-lost', parent: 'tech', nameRu: 'Утрата доступа', nameEn: 'Lost access', department: 'tech-support', priority: true },
  { code: 'tech-auth-errors', parent: 'tech', nameRu: 'Ошибки авторизации', nameEn: 'Sign-in errors', department: 'tech-support', priority: true },
  { code: 'tech-cabinet', parent: 'tech', nameRu: 'Вопросы по личному кабинету', nameEn: 'Personal account questions', department: 'tech-support' },
  { code: 'knowledge', nameRu: 'База знаний', nameEn: 'Knowledge base', department: 'tech-support' },
  { code: 'finance', nameRu: 'Бюджет и финансы', nameEn: 'Budget and finance', department: 'finance', schema: SERVICE_FIELDS },
  { code: 'finance-payments', parent: 'finance', nameRu: 'Платёжные операции', nameEn: 'Payments', department: 'finance', schema: SERVICE_FIELDS },
  { code: 'regional', nameRu: 'Региональные услуги', nameEn: 'Regional services', department: 'regional-services', schema: REGION_FIELDS },
  { code: 'regional-service-problems', parent: 'regional', nameRu: 'Проблемы с услугами', nameEn: 'Problems with services', department: 'regional-services' },
  { code: 'profile', nameRu: 'Личный профиль', nameEn: 'Personal profile', department: 'tech-support' },
  // Too vague to route: lands in the general pool for manual triage.
  { code: 'general', nameRu: 'Общие вопросы', nameEn: 'General questions', department: null },
  { code: 'gratitude-quality', nameRu: 'Качество обслуживания', nameEn: 'Quality of service', department: 'quality-control', appealTypes: GRATITUDE },
  { code: 'gratitude-speed', nameRu: 'Скорость выполнения', nameEn: 'Speed', department: 'quality-control', appealTypes: GRATITUDE },
  { code: 'gratitude-politeness', nameRu: 'Вежливость сотрудника', nameEn: 'Staff courtesy', department: 'quality-control', appealTypes: GRATITUDE },
];

/** Demo sign-ins, printed by `npm start`. They exist only in demo mode. */
export const DEMO_USERS = [
  { email: 'citizen@demo.otklik.local', password: 'Citizen#Demo2026', role: Role.Citizen, fullName: 'Иванов Иван Иванович', department: null, position: null },
  { email: 'citizen2@demo.otklik.local', password: 'Citizen#Demo2026', role: Role.Citizen, fullName: 'Петрова Анна Сергеевна', department: null, position: null },
  { email: 'operator@demo.otklik.local', password: 'Operator#Demo2026', role: Role.Operator, fullName: 'Сидоров Пётр Алексеевич', department: 'tech-support', position: 'Специалист' },
  { email: 'operator2@demo.otklik.local', password: 'Operator#Demo2026', role: Role.Operator, fullName: 'Волков Андрей Николаевич', department: 'tech-support', position: 'Ведущий специалист' },
  { email: 'qc-operator@demo.otklik.local', password: 'Operator#Demo2026', role: Role.Operator, fullName: 'Орлова Наталья Игоревна', department: 'quality-control', position: 'Специалист по контролю качества' },
  { email: 'pool-operator@demo.otklik.local', password: 'Operator#Demo2026', role: Role.Operator, fullName: 'Кузнецова Мария Олеговна', department: 'general-pool', position: 'Специалист по распределению' },
  // The head's office: an operator of the parent department, who oversees what is escalated to it.
  { email: 'office@demo.otklik.local', password: 'Operator#Demo2026', role: Role.Operator, fullName: 'Лебедева Ольга Павловна', department: 'administration', position: 'Специалист приёмной' },
  { email: 'supervisor@demo.otklik.local', password: 'Supervisor#Demo2026', role: Role.Supervisor, fullName: 'Смирнова Елена Викторовна', department: 'administration', position: 'Начальник управления' },
  { email: 'admin@demo.otklik.local', password: 'Admin#Demo2026', role: Role.Admin, fullName: 'Администратор системы', department: null, position: 'Администратор' },
  { email: 'auditor@demo.otklik.local', password: 'Auditor#Demo2026', role: Role.Auditor, fullName: 'Аудитор Ревизоров', department: null, position: 'Аудитор' },
] as const;

/** Routing rules of the demo body: disputes (decision appeals) go to quality control. */
export const DEMO_ROUTING_RULES = [{ position: 10, name: 'Обжалование решений → контроль качества', appealType: AppealType.DecisionAppeal, department: 'quality-control' }] as const;

/** Answer templates (macros) every department may use. */
export const DEMO_ANSWER_TEMPLATES = [
  {
    title: 'Проблема устранена',
    result: 'done',
    body: 'Уважаемый заявитель! По вашему обращению № {{number}} от {{registeredOn}} («{{subject}}») сообщаем, что проблема устранена. Исполнитель: {{executorName}}, {{executorPosition}}.',
  },
  {
    title: 'Запрос уточнений',
    result: 'clarification_needed',
    body: 'Уважаемый заявитель! Для рассмотрения обращения № {{number}} просим уточнить обстоятельства. Срок рассмотрения приостановлен до получения ответа.',
  },
] as const;
