import { sampleCitizen } from '../../fixtures/citizen/sample-citizen';

/** The applicant the reception benches receive a birth registration (1.001193) for. */
export const benchCitizen = sampleCitizen({ placeOfResidence: 'Quảng Ngãi' });

/** The e-form of that birth registration, as a clerk fills it in. */
export const birthFormValues = {
  registrantName: benchCitizen.fullName,
  registrantId: benchCitizen.id,
  registrantResidence: 'Quảng Ngãi',
  relationship: 'father',
  childName: 'Trần Minh An',
  childBirthDate: '01/11/2026',
  childSex: 'male',
  childBirthPlace: 'Bệnh viện tỉnh',
  childEthnicity: 'Kinh',
  childNationality: 'Việt Nam',
};
