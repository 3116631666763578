/*
 * Copyright 2026 The camel-tamtam authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameltamtam.component.tamtam.input;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column name as the column rules of {@link IdColumnSelector} read it, with the decorations CRM systems add taken
 * off:
 * <ul>
 * <li>Salesforce: the custom-field suffix {@code __c} and a managed package's namespace prefix ({@code LID__}, the
 * LinkedIn Sales Navigator package), so {@code LinkedIn_Company_ID__c} and {@code LID__LinkedIn_Company_Id__c} read as
 * {@code LinkedIn_Company_ID}; a person-account field ({@code __pc}) is about a person, never a company column;</li>
 * <li>Dynamics 365 / Dataverse: the publisher prefix of a custom column's logical name, {@code new_} or the default
 * publisher's {@code crXXX_} ({@code new_linkedin} reads as {@code linkedin});</li>
 * <li>Pipedrive exports: the entity prefix of {@code Organization - LinkedIn profile} (LinkedIn rule only: Pipedrive's
 * own {@code Organization - ID} is not a generic ID column); a {@code Person - ...} column is about a person.</li>
 * </ul>
 * HubSpot's internal names ({@code linkedin_company_page}) and export labels ({@code LinkedIn Company Page}) need no
 * change. Names compare case-, space-, {@code _}-, {@code -}- and {@code .}-insensitively.
 */
final class CrmColumnName {

    /** Salesforce: optional namespace prefix {@code ns__}, then the name, then the custom suffix {@code __c}. */
    private static final Pattern SALESFORCE_CUSTOM = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9]*__)?(.+?)__c$",
            Pattern.CASE_INSENSITIVE);
    /** Dataverse logical name of a custom column: {@code new_} or the default publisher's {@code crXXX_} prefix. */
    private static final Pattern DATAVERSE_CUSTOM = Pattern.compile("^(?:new|cr[a-z0-9]{3})_([a-z0-9_]+)$");
    /** Pipedrive export headers name the entity first: {@code Organization - Name}, {@code Person - Email}. */
    private static final Pattern PIPEDRIVE_ENTITY = Pattern.compile("^(organi[sz]ation|person)\\s+-\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);

    private CrmColumnName() {
    }

    /**
     * Whether the column describes a person (a Pipedrive {@code Person - } column, a Salesforce person-account field):
     * it never holds a company ID, whatever its name says.
     */
    static boolean isAboutAPerson(Object name) {
        String text = text(name);
        Matcher pipedrive = PIPEDRIVE_ENTITY.matcher(text);
        return (pipedrive.matches() && pipedrive.group(1).toLowerCase(Locale.ROOT).equals("person"))
                || text.toLowerCase(Locale.ROOT).endsWith("__pc");
    }

    /** The name without Salesforce and Dataverse custom-field decorations, in comparable form. */
    static String stem(Object name) {
        String text = text(name);
        Matcher salesforce = SALESFORCE_CUSTOM.matcher(text);
        if (salesforce.matches()) {
            text = salesforce.group(1);
        } else {
            Matcher dataverse = DATAVERSE_CUSTOM.matcher(text);
            if (dataverse.matches()) {
                text = dataverse.group(1);
            }
        }
        return normalize(text);
    }

    /** {@link #stem(Object)}, also without a Pipedrive {@code Organization - } prefix. */
    static String companyStem(Object name) {
        Matcher pipedrive = PIPEDRIVE_ENTITY.matcher(text(name));
        return pipedrive.matches() ? stem(pipedrive.group(2)) : stem(name);
    }

    /** A name in comparable form: lower case, without spaces, {@code _}, {@code -} or {@code .}. */
    static String normalize(Object name) {
        String text = text(name);
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '_' && c != '-' && c != '.' && !CompanyLinkedinIdNormalizer.isBlankChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static String text(Object name) {
        return name == null ? "" : CompanyLinkedinIdNormalizer.trim(String.valueOf(name));
    }
}
