CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "AuditEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEvents" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NOT NULL,
    "Detail" TEXT NULL
);

CREATE TABLE "Collections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Collections" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "AllowedSopClasses" TEXT NOT NULL
);

CREATE TABLE "Jobs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Jobs" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Payload" TEXT NULL,
    "ClaimedBy" TEXT NULL,
    "ClaimedAt" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CompletedAt" TEXT NULL,
    "Error" TEXT NULL
);

CREATE TABLE "Sites" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Sites" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Contact" TEXT NULL
);

CREATE TABLE "Patients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Patients" PRIMARY KEY AUTOINCREMENT,
    "CollectionId" INTEGER NOT NULL,
    "SiteId" INTEGER NOT NULL,
    "PseudonymousId" TEXT NOT NULL,
    "Sex" TEXT NULL,
    "Age" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Patients_Collections_CollectionId" FOREIGN KEY ("CollectionId") REFERENCES "Collections" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Patients_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "QuarantineEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_QuarantineEntries" PRIMARY KEY AUTOINCREMENT,
    "CollectionId" INTEGER NOT NULL,
    "SiteId" INTEGER NULL,
    "ReceivedAt" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Detail" TEXT NOT NULL,
    "BlobKey" TEXT NULL,
    "ContentHash" TEXT NULL,
    CONSTRAINT "FK_QuarantineEntries_Collections_CollectionId" FOREIGN KEY ("CollectionId") REFERENCES "Collections" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_QuarantineEntries_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ClinicalRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ClinicalRecords" PRIMARY KEY AUTOINCREMENT,
    "PatientId" INTEGER NOT NULL,
    "Values" TEXT NOT NULL,
    "SourceFile" TEXT NOT NULL,
    "Line" INTEGER NOT NULL,
    CONSTRAINT "FK_ClinicalRecords_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Studies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Studies" PRIMARY KEY AUTOINCREMENT,
    "CollectionId" INTEGER NOT NULL,
    "SiteId" INTEGER NOT NULL,
    "PatientId" INTEGER NOT NULL,
    "StudyInstanceUid" TEXT NOT NULL,
    "StudyDate" TEXT NOT NULL,
    "StudyTime" TEXT NULL,
    "AccessionNumber" TEXT NULL,
    "StudyDescription" TEXT NULL,
    "ModalitiesInStudy" TEXT NOT NULL,
    "NumberOfSeries" INTEGER NOT NULL,
    "NumberOfInstances" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Studies_Collections_CollectionId" FOREIGN KEY ("CollectionId") REFERENCES "Collections" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Studies_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Studies_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Series" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Series" PRIMARY KEY AUTOINCREMENT,
    "CollectionId" INTEGER NOT NULL,
    "StudyId" INTEGER NOT NULL,
    "SeriesInstanceUid" TEXT NOT NULL,
    "Modality" TEXT NOT NULL,
    "SeriesNumber" INTEGER NULL,
    "SeriesDescription" TEXT NULL,
    "BodyPartExamined" TEXT NULL,
    "NumberOfInstances" INTEGER NOT NULL,
    "MetadataBlobKey" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Series_Collections_CollectionId" FOREIGN KEY ("CollectionId") REFERENCES "Collections" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Series_Studies_StudyId" FOREIGN KEY ("StudyId") REFERENCES "Studies" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Instances" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Instances" PRIMARY KEY AUTOINCREMENT,
    "CollectionId" INTEGER NOT NULL,
    "StudyId" INTEGER NOT NULL,
    "SeriesId" INTEGER NOT NULL,
    "SopInstanceUid" TEXT NOT NULL,
    "SopClassUid" TEXT NOT NULL,
    "InstanceNumber" INTEGER NULL,
    "TransferSyntaxUid" TEXT NOT NULL,
    "BlobKey" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "Rows" INTEGER NULL,
    "Columns" INTEGER NULL,
    "NumberOfFrames" INTEGER NULL,
    "ImagePositionZ" REAL NULL,
    "SliceThickness" REAL NULL,
    "ReceivedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Instances_Collections_CollectionId" FOREIGN KEY ("CollectionId") REFERENCES "Collections" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Instances_Series_SeriesId" FOREIGN KEY ("SeriesId") REFERENCES "Series" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Instances_Studies_StudyId" FOREIGN KEY ("StudyId") REFERENCES "Studies" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AuditEvents_Actor_At" ON "AuditEvents" ("Actor", "At");

CREATE INDEX "IX_AuditEvents_At" ON "AuditEvents" ("At");

CREATE INDEX "IX_ClinicalRecords_PatientId" ON "ClinicalRecords" ("PatientId");

CREATE UNIQUE INDEX "IX_Collections_Name" ON "Collections" ("Name");

CREATE UNIQUE INDEX "IX_Instances_CollectionId_SopInstanceUid" ON "Instances" ("CollectionId", "SopInstanceUid");

CREATE INDEX "IX_Instances_ContentHash" ON "Instances" ("ContentHash");

CREATE INDEX "IX_Instances_SeriesId_Id" ON "Instances" ("SeriesId", "Id");

CREATE INDEX "IX_Instances_SopInstanceUid" ON "Instances" ("SopInstanceUid");

CREATE INDEX "IX_Instances_StudyId_Id" ON "Instances" ("StudyId", "Id");

CREATE INDEX "IX_Jobs_State_Kind_Id" ON "Jobs" ("State", "Kind", "Id");

CREATE UNIQUE INDEX "IX_Patients_CollectionId_PseudonymousId" ON "Patients" ("CollectionId", "PseudonymousId");

CREATE INDEX "IX_Patients_PseudonymousId" ON "Patients" ("PseudonymousId");

CREATE INDEX "IX_Patients_SiteId" ON "Patients" ("SiteId");

CREATE INDEX "IX_QuarantineEntries_CollectionId_ReceivedAt" ON "QuarantineEntries" ("CollectionId", "ReceivedAt");

CREATE INDEX "IX_QuarantineEntries_SiteId" ON "QuarantineEntries" ("SiteId");

CREATE UNIQUE INDEX "IX_Series_CollectionId_SeriesInstanceUid" ON "Series" ("CollectionId", "SeriesInstanceUid");

CREATE INDEX "IX_Series_Modality_StudyId" ON "Series" ("Modality", "StudyId");

CREATE INDEX "IX_Series_SeriesInstanceUid" ON "Series" ("SeriesInstanceUid");

CREATE INDEX "IX_Series_StudyId_Modality" ON "Series" ("StudyId", "Modality");

CREATE UNIQUE INDEX "IX_Sites_Code" ON "Sites" ("Code");

CREATE INDEX "IX_Studies_AccessionNumber" ON "Studies" ("AccessionNumber");

CREATE INDEX "IX_Studies_CollectionId_StudyDate_Id" ON "Studies" ("CollectionId", "StudyDate", "Id");

CREATE UNIQUE INDEX "IX_Studies_CollectionId_StudyInstanceUid" ON "Studies" ("CollectionId", "StudyInstanceUid");

CREATE INDEX "IX_Studies_PatientId_StudyDate_Id" ON "Studies" ("PatientId", "StudyDate", "Id");

CREATE INDEX "IX_Studies_SiteId_StudyDate_Id" ON "Studies" ("SiteId", "StudyDate", "Id");

CREATE INDEX "IX_Studies_StudyDate_Id" ON "Studies" ("StudyDate", "Id");

CREATE INDEX "IX_Studies_StudyInstanceUid" ON "Studies" ("StudyInstanceUid");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126204123_Initial', '10.0.15');

CREATE TABLE "LabelSchemas" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LabelSchemas" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Description" TEXT NULL,
    "Json" TEXT NOT NULL,
    "JsonHash" TEXT NOT NULL,
    "ImportedAt" TEXT NOT NULL,
    "ImportedBy" TEXT NULL
);

CREATE TABLE "ReadPayloads" (
    "Hash" TEXT NOT NULL CONSTRAINT "PK_ReadPayloads" PRIMARY KEY,
    "Data" BLOB NOT NULL,
    "Length" INTEGER NOT NULL
);

CREATE TABLE "ReadingProjects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReadingProjects" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "CollectionId" INTEGER NOT NULL,
    "SchemaName" TEXT NOT NULL,
    "SchemaVersion" INTEGER NOT NULL,
    "ReadersPerStudy" INTEGER NOT NULL,
    "Trigger" TEXT NOT NULL,
    "Modalities" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_ReadingProjects_Collections_CollectionId" FOREIGN KEY ("CollectionId") REFERENCES "Collections" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ReadingUsers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReadingUsers" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "IsReader" INTEGER NOT NULL,
    "IsAdjudicator" INTEGER NOT NULL,
    "IsCurator" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "ProjectStudies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProjectStudies" PRIMARY KEY AUTOINCREMENT,
    "ProjectId" INTEGER NOT NULL,
    "StudyId" INTEGER NOT NULL,
    "StudyInstanceUid" TEXT NOT NULL,
    "AddedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ProjectStudies_ReadingProjects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "ReadingProjects" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProjectStudies_Studies_StudyId" FOREIGN KEY ("StudyId") REFERENCES "Studies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProjectMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProjectMembers" PRIMARY KEY AUTOINCREMENT,
    "ProjectId" INTEGER NOT NULL,
    "UserId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "AddedAt" TEXT NOT NULL,
    "RemovedAt" TEXT NULL,
    CONSTRAINT "FK_ProjectMembers_ReadingProjects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "ReadingProjects" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProjectMembers_ReadingUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "ReadingUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Reads" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Reads" PRIMARY KEY AUTOINCREMENT,
    "ProjectId" INTEGER NOT NULL,
    "StudyId" INTEGER NOT NULL,
    "UserId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "LabelsJson" TEXT NOT NULL,
    "ShapesHash" TEXT NULL,
    "AssignedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    CONSTRAINT "FK_Reads_ReadingProjects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "ReadingProjects" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Reads_ReadingUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "ReadingUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Reads_Studies_StudyId" FOREIGN KEY ("StudyId") REFERENCES "Studies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ReadVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReadVersions" PRIMARY KEY AUTOINCREMENT,
    "ReadId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "LabelsJson" TEXT NOT NULL,
    "ShapesHash" TEXT NULL,
    "SavedAt" TEXT NOT NULL,
    "SavedBy" TEXT NOT NULL,
    CONSTRAINT "FK_ReadVersions_Reads_ReadId" FOREIGN KEY ("ReadId") REFERENCES "Reads" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_LabelSchemas_Name_Version" ON "LabelSchemas" ("Name", "Version");

CREATE UNIQUE INDEX "IX_ProjectMembers_ProjectId_UserId_Role" ON "ProjectMembers" ("ProjectId", "UserId", "Role");

CREATE INDEX "IX_ProjectMembers_UserId" ON "ProjectMembers" ("UserId");

CREATE UNIQUE INDEX "IX_ProjectStudies_ProjectId_StudyId" ON "ProjectStudies" ("ProjectId", "StudyId");

CREATE INDEX "IX_ProjectStudies_ProjectId_StudyInstanceUid" ON "ProjectStudies" ("ProjectId", "StudyInstanceUid");

CREATE INDEX "IX_ProjectStudies_StudyId" ON "ProjectStudies" ("StudyId");

CREATE UNIQUE INDEX "IX_ReadVersions_ReadId_Version" ON "ReadVersions" ("ReadId", "Version");

CREATE INDEX "IX_ReadingProjects_CollectionId" ON "ReadingProjects" ("CollectionId");

CREATE UNIQUE INDEX "IX_ReadingProjects_Name" ON "ReadingProjects" ("Name");

CREATE UNIQUE INDEX "IX_ReadingUsers_Name" ON "ReadingUsers" ("Name");

CREATE INDEX "IX_Reads_ProjectId_Role_State" ON "Reads" ("ProjectId", "Role", "State");

CREATE UNIQUE INDEX "IX_Reads_ProjectId_StudyId_UserId_Role" ON "Reads" ("ProjectId", "StudyId", "UserId", "Role");

CREATE INDEX "IX_Reads_ProjectId_UserId_State" ON "Reads" ("ProjectId", "UserId", "State");

CREATE INDEX "IX_Reads_StudyId" ON "Reads" ("StudyId");

CREATE INDEX "IX_Reads_UserId" ON "Reads" ("UserId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127001041_AddReading', '10.0.15');

CREATE TABLE "BlobIntents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BlobIntents" PRIMARY KEY AUTOINCREMENT,
    "BlobKey" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "Host" TEXT NOT NULL,
    "ProcessId" INTEGER NOT NULL,
    "ProcessStartedAt" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE INDEX "IX_BlobIntents_BlobKey" ON "BlobIntents" ("BlobKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127081907_AddBlobIntents', '10.0.15');

ALTER TABLE "Instances" ADD "DeidProfileId" INTEGER NULL;

CREATE TABLE "DeidProfiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DeidProfiles" PRIMARY KEY AUTOINCREMENT,
    "Sha256" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_DeidProfiles_Sha256" ON "DeidProfiles" ("Sha256");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207121004_AddDeidProfiles', '10.0.15');

